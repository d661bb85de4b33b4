/** A share as people read it: 0.8565 as "85.7%", 0.8 as "80%" (one decimal at most). */
export const percent = (x: number) => `${Number((x * 100).toFixed(1))}%`;
