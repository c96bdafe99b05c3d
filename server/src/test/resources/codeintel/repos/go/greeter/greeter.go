package greeter

// Greet says hello.
func Greet(name string) string {
	return "hi " + name
}
