package demo.lib

/** Says hello. */
fun greet(name: String): String = "hi $name"
