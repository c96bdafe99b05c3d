#include <stdio.h>
#include "greeter.h"

int main(void) {
  puts(greet("x"));
  return 0;
}
