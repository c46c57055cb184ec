"""One module per agent (and one for the timers); each `register`s itself on a Stage's app."""
