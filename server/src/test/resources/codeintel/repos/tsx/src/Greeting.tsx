export function Greeting(props: { name: string }) {
  return <p>hi {props.name}</p>;
}
