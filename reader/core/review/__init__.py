"""The daily review: a few highlights each day, coming back after growing intervals."""
