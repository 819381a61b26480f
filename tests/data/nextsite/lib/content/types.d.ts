export interface Treatment { slug: string; hero: { title: string } }
