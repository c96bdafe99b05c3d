require_relative "lib/greeter"

puts Greeter.new.greet("x")
