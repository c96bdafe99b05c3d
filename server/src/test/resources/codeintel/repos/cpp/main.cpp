#include "greeter.hpp"

int main() {
  demo::Greeter greeter;
  greeter.greet("x");
  return 0;
}
