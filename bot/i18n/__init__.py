"""Languages: which one a message is written in, and the conversation's language."""
