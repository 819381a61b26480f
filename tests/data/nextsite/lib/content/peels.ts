import type { Treatment } from "../types";

export const peelsContent: Treatment = {
  slug: "chemical-peels",
  hero: {
    title: "Chemical peels",
    tagline: 'A fresher look, gently',
    image: "/img/peel.webp",
  },
  quickFacts: {
    downtime: "Totally painless with no downtime",
    sessions: `Three to six visits, a month apart`,
  },
  suitableIf: [
    "You have dull or uneven skin and want a gradual change",
    "You can avoid strong sun for a few weeks",
  ],
  className: "text-sm leading-relaxed max-w-sm mb-4",
  cta: { label: "Book now", href: "/book" },
  priceNote: `From ${price} per visit`,
  faqs: [
    { question: "Does a peel hurt?", answer: "Most people feel a warm tingle that fades in minutes." },
  ],
} as const;

export function titleFor(name: string) {
  const note = "This peel gives guaranteed results for everyone";
  return `${name} | Example clinic`;
}
