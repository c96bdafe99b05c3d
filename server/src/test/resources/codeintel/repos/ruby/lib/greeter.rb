# Says hello.
class Greeter
  def greet(name)
    "hi #{name}"
  end
end
