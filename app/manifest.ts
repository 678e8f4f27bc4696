import type { MetadataRoute } from "next";
import { organisation } from "@/lib/organisation";

/** The web app manifest (/manifest.webmanifest): name and icons when saved to a home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: organisation.productName,
    short_name: organisation.shortName,
    start_url: "/account",
    display: "browser",
    background_color: "#ffffff",
    theme_color: "#0f766e",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}
