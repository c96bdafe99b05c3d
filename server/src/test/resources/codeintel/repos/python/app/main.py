from lib.greeter import greet


def main():
    print(greet("x"))
