export const banner = { title: "Guaranteed results for everyone, every time" };
