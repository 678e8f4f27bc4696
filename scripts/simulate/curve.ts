/**
 * The temperatures of one simulated print. Pure and seeded by the caller's random source, so
 * the tests can pin a curve: heat-up from room temperature towards the targets (first-order,
 * as a heater with a thermostat does), then holding the target with a little noise, then
 * cooling once the print ends.
 */
export type PrintPlan = {
  /** Seconds of heating before the first layer. */
  heatUpSeconds: number;
  /** Seconds of printing after heat-up. */
  printSeconds: number;
  nozzleTargetC: number;
  bedTargetC: number;
  roomC: number;
};

export type Sample = {
  nozzleC: number;
  nozzleTargetC: number;
  bedC: number;
  bedTargetC: number;
};

/** Time constants (s): a nozzle heats in about a minute, a glass bed in a few. */
const NOZZLE_TAU = 25;
const BED_TAU = 90;

const approach = (from: number, to: number, t: number, tau: number) =>
  to + (from - to) * Math.exp(-Math.max(0, t) / tau);

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The sample `t` seconds after the job was sent. `noise` returns numbers in [-1, 1]; pass
 * `() => 0` for the clean curve. After the print the heaters are off and the targets are 0.
 */
export function temperatureAt(plan: PrintPlan, t: number, noise: () => number = () => 0): Sample {
  const end = plan.heatUpSeconds + plan.printSeconds;
  if (t <= end) {
    const nozzle = approach(plan.roomC, plan.nozzleTargetC, t, NOZZLE_TAU);
    const bed = approach(plan.roomC, plan.bedTargetC, t, BED_TAU);
    // Once at temperature the thermostat wobbles by about ±0.6 °C (nozzle) and ±0.3 °C (bed).
    const settled = t > plan.heatUpSeconds;
    return {
      nozzleC: round1(nozzle + (settled ? noise() * 0.6 : 0)),
      nozzleTargetC: plan.nozzleTargetC,
      bedC: round1(bed + (settled ? noise() * 0.3 : 0)),
      bedTargetC: plan.bedTargetC,
    };
  }
  const atEnd = temperatureAt(plan, end);
  return {
    nozzleC: round1(approach(atEnd.nozzleC, plan.roomC, t - end, NOZZLE_TAU * 2)),
    nozzleTargetC: 0,
    bedC: round1(approach(atEnd.bedC, plan.roomC, t - end, BED_TAU * 2)),
    bedTargetC: 0,
  };
}

/** A plan for a short demo print: targets from the material, durations scaled to the interval. */
export function planPrint(
  material: { nozzle: readonly number[]; bed: readonly number[] },
  intervalSeconds: number,
  random: () => number,
): PrintPlan {
  const pick = (xs: readonly number[]) => xs[Math.floor(random() * xs.length)] ?? xs[0] ?? 200;
  // 6–12 samples of heat-up and 15–40 of printing: a chart worth looking at within minutes.
  return {
    heatUpSeconds: intervalSeconds * (6 + Math.floor(random() * 7)),
    printSeconds: intervalSeconds * (15 + Math.floor(random() * 26)),
    nozzleTargetC: pick(material.nozzle),
    bedTargetC: pick(material.bed),
    roomC: 21 + Math.round(random() * 40) / 10,
  };
}
