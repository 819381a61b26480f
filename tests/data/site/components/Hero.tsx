import React from "react";

const note = "Permanent results for everyone";

export function Hero({ name }: { name: string }) {
  return (
    <section className="hero" data-claim="100% safe">
      <h1>Clinically proven skin care</h1>
      <img src="/hero.jpg" alt="A nurse with a patient" />
      <p>
        Talk to {name} about what suits your skin.
      </p>
    </section>
  );
}
