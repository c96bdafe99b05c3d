package demo.app;

import demo.lib.Greeter;

public class Main {
  public static void main(String[] args) {
    Greeter greeter = new Greeter();
    System.out.println(greeter.greet("x"));
  }
}
