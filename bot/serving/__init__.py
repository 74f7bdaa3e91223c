"""How the service runs: what replaces or tunes Rasa internals (graph runner, stores, action
validation, log copies, the intent-only rule policy), endpoints, health and the action server.
Each file says what it changes and why."""
