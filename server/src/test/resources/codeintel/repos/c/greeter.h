/* Says hello. */
const char *greet(const char *name);
