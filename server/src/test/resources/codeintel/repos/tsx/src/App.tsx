import { Greeting } from "./Greeting";

export function App() {
  return <Greeting name="x" />;
}
