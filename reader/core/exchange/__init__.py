"""What an export carries besides the highlights: triage states and review records."""
