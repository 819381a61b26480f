export default function Page() {
  return <h1>Skin care at the clinic</h1>;
}
