"""The bridge between the Qt-free core and the window: background lanes and the library session.

All core work runs here off the GUI thread; results come back by signal.
"""
