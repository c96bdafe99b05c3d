package demo.app

import demo.lib.greet

fun main() {
    println(greet("x"))
}
