#include "greeter.h"

const char *greet(const char *name) {
  return name;
}
