package main

import "example.com/demo/greeter"

func main() {
	println(greeter.Greet("x"))
}
