package demo.lib;

/** Says hello. */
public class Greeter {
  public String greet(String name) {
    return "hi " + name;
  }
}
