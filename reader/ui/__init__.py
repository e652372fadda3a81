"""The Qt GUI: models over the core, widgets that render and forward intent."""
