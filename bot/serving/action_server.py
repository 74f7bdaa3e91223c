"""`python -m bot.serving.action_server`: rasa_sdk's action server (same arguments), whose error
replies do not carry the conversation.

When an action fails, rasa_sdk answers 500 with the whole request, the conversation's
messages included, and Rasa writes that reply into its ERROR log: patients' words in the
log. Here the error reply names the failure only, and the log gets the exception's type
and where it was raised, not its message (a database error's message holds the sender id,
for SMS a phone number).
"""
from __future__ import annotations

import traceback
from typing import Any

from rasa_sdk import __main__ as sdk_main
from rasa_sdk import endpoint
from sanic import response
from sanic.request import Request

_sdk_create_app = endpoint.create_app


async def _error_without_the_conversation(request: Request, exception: Exception) -> response.HTTPResponse:
    where = "".join(traceback.format_tb(exception.__traceback__))
    endpoint.logger.error("Action failed: %s, raised at\n%s", type(exception).__name__, where)
    return response.json({"error": f"the action failed: {type(exception).__name__}"}, status=500)


def create_app(*args: Any, **kwargs: Any):
    app = _sdk_create_app(*args, **kwargs)
    app.error_handler.add(Exception, _error_without_the_conversation)  # replaces rasa_sdk's
    return app


endpoint.create_app = create_app  # rasa_sdk's run() builds its app through this name

if __name__ == "__main__":
    sdk_main.main()
