import { PlannerError } from './errors.js';

/**
 * Kubernetes resource quantities as numbers: CPU in millicores, memory in bytes. The planner compares
 * and sums these, so "250m", "0.25" and 0.25 are the same CPU and "1Gi" and "1024Mi" the same memory.
 */

const SUFFIX_FACTORS: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^(\d+(?:\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/** The plain number a quantity stands for (e.g. "250m" is 0.25, "1Ki" is 1024). */
export function quantityValue(quantity: string | number, field = 'quantity'): number {
  if (typeof quantity === 'number') {
    if (!Number.isFinite(quantity) || quantity < 0) {
      throw new PlannerError('invalid-quantity', `${field}: ${quantity} is not a non-negative quantity`, {
        field,
        quantity,
      });
    }
    return quantity;
  }
  const match = QUANTITY.exec(quantity.trim());
  if (!match) {
    throw new PlannerError(
      'invalid-quantity',
      `${field}: "${quantity}" is not a quantity such as 250m, 0.5, 128Mi or 1Gi`,
      { field, quantity },
    );
  }
  return Number(match[1]) * (SUFFIX_FACTORS[match[2] ?? ''] ?? 1);
}

/** CPU in whole millicores ("250m" and 0.25 both give 250). */
export function cpuMillicores(quantity: string | number, field = 'cpu'): number {
  return Math.round(quantityValue(quantity, field) * 1000);
}

/** Memory in whole bytes ("1Gi" gives 1073741824). */
export function memoryBytes(quantity: string | number, field = 'memory'): number {
  return Math.round(quantityValue(quantity, field));
}
