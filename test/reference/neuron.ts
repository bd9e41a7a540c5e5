/**
 * One dense unit in float64, from the definition (no tfjs): each input times its
 * weight, their sum plus the bias, and ReLU. Checks the neuron record.
 */
export function unitForward(x: readonly number[], weights: readonly number[], bias: number): {products: number[]; z: number; relu: number} {
  const products = x.map((xi, i) => xi * weights[i]);
  let z = bias;
  for (const p of products) z += p;
  return {products, z, relu: z > 0 ? z : 0};
}
