"""The French translation: Qt Linguist sources (.ts), compiled into .qm when built."""
