def greet(name):
    """Says hello."""
    return "hi " + name
