"""The one kind of refusal the services raise: what a person asked for is not allowed now."""


class Refused(Exception):
    """
    An action the rules do not allow now. Its message is written for the person
    who asked and is shown to them as it is (the admin turns it into a message
    on the page), so it names no internals. Each app may subclass it to say
    which rules refused; callers that only show the message catch Refused.
    """
