#include <string>

namespace demo {
class Greeter {
 public:
  std::string greet(const std::string& name);
};
}  // namespace demo
