/** Cura profiles as Cura syncs them: real setting keys, each version changing a few. */

export type Settings = Record<string, string | number | boolean>;

export type Profile = {
  name: string;
  machine: string;
  base: Settings;
  /** Each later version applies one of these on top of the previous one. */
  changes: { note: string; set: Settings }[];
};

export const PROFILES: Profile[] = [
  {
    name: "Functional parts – Tough PLA",
    machine: "Ultimaker S5",
    base: {
      layer_height: 0.15,
      wall_thickness: 1.2,
      wall_line_count: 3,
      top_bottom_thickness: 1,
      infill_sparse_density: 20,
      infill_pattern: "gyroid",
      speed_print: 70,
      material_print_temperature: 215,
      material_bed_temperature: 60,
      retraction_enable: true,
      retraction_amount: 6.5,
      support_enable: false,
      adhesion_type: "skirt",
      cool_fan_enabled: true,
    },
    changes: [
      {
        note: "Stiffer brackets: more walls and infill",
        set: { wall_line_count: 4, wall_thickness: 1.6, infill_sparse_density: 35 },
      },
      {
        note: "Brim after corners lifted on long parts",
        set: { adhesion_type: "brim", brim_width: 5 },
      },
      {
        note: "Slower outer wall for a cleaner finish",
        set: { speed_print: 60, speed_wall_0: 25 },
      },
      {
        note: "Support for the overhanging hinge eyes",
        set: { support_enable: true, support_type: "buildplate", support_angle: 55 },
      },
    ],
  },
  {
    name: "Enclosures – PETG",
    machine: "Ultimaker S7",
    base: {
      layer_height: 0.2,
      wall_thickness: 1.2,
      top_bottom_thickness: 1.2,
      infill_sparse_density: 15,
      infill_pattern: "grid",
      speed_print: 50,
      material_print_temperature: 240,
      material_bed_temperature: 85,
      retraction_enable: true,
      retraction_amount: 8,
      support_enable: false,
      adhesion_type: "brim",
      cool_fan_speed: 20,
    },
    changes: [
      {
        note: "Less stringing on the vent slots",
        set: { retraction_amount: 9, material_print_temperature: 235 },
      },
      { note: "Seam hidden in the rear corner", set: { z_seam_type: "back" } },
    ],
  },
  {
    name: "Gears – Nylon",
    machine: "Ultimaker S3",
    base: {
      layer_height: 0.1,
      wall_thickness: 1.6,
      top_bottom_thickness: 1.2,
      infill_sparse_density: 60,
      infill_pattern: "triangles",
      speed_print: 40,
      material_print_temperature: 250,
      material_bed_temperature: 60,
      retraction_enable: true,
      retraction_speed: 45,
      support_enable: false,
      adhesion_type: "brim",
      cool_fan_speed: 40,
    },
    changes: [
      { note: "Solid teeth", set: { infill_sparse_density: 100 } },
      { note: "Ironing on top faces for the bearing seat", set: { ironing_enabled: true } },
      {
        note: "Thinner layers for the small module-0.5 gears",
        set: { layer_height: 0.06, speed_print: 30 },
      },
    ],
  },
];
