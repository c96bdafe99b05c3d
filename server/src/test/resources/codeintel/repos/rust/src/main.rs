mod greeter;

use crate::greeter::greet;

fn main() {
    println!("{}", greet("x"));
}
