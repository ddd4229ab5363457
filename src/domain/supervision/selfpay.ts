// 参保人全自费就诊: a visit an institution reported as paid in full by the patient (自费病人信息
// 4202/4205) although the patient was insured that day, with lines the HIS itself counted in the
// fund's scope (inscp_amt). The fund would have paid part of it: a cost shifted onto the insured
// (转嫁费用) or a patient steered to pay in full. The amount at stake is the in-scope part.

export interface SelfPaidVisit {
  visitId: number;
  insured: boolean;
  /** 符合政策范围 of the visit's lines, as the HIS computed it */
  inscpFen: number;
}

/** The visits the rule holds: insured that day, in-scope lines of at least minInscpFen (≥ 1 fen). */
export function shiftedToSelfPay<V extends SelfPaidVisit>(visits: readonly V[], minInscpFen: number): V[] {
  const floor = Math.max(1, Math.trunc(minInscpFen));
  return visits.filter((v) => v.insured && v.inscpFen >= floor);
}
