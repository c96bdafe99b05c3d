import { greet } from "./greeter.js";

console.log(greet("x"));
