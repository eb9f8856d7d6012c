/** The settings' colours as they reach the page's CSS. */
export type PageColors = {
  brand: string
  background: string
  text: string
  /** Text on the brand colour (selected buttons, submit): black or white, whichever reads better. */
  on_brand: string
}

/** The survey settings' defaults (see models/survey-settings.ts). */
export const DEFAULT_PAGE_COLORS = { brand: "#2563eb", background: "#f4f4f5", text: "#18181b" } as const

const HEX_COLOR = /^#[0-9a-f]{6}$/i

/**
 * A `#rrggbb` colour, lower-cased, or the fallback. Only this exact form
 * goes into the page's <style>: anything else (a name, `rgb()`, a value
 * carrying `;}</style>`) could change more than a colour.
 */
export const hexColorOr = (value: unknown, fallback: string): string =>
  typeof value === "string" && HEX_COLOR.test(value) ? value.toLowerCase() : fallback

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)

/** Black or white, whichever contrasts more with the colour. */
export function textColorOn(hex: string): string {
  const background = luminance(hex)
  return contrast(background, 1) >= contrast(background, 0) ? "#ffffff" : "#000000"
}

/** The page's colours from the settings, each checked, invalid ones replaced by the defaults. */
export function pageColors(settings: { brand_color?: unknown; background_color?: unknown; text_color?: unknown }): PageColors {
  const brand = hexColorOr(settings.brand_color, DEFAULT_PAGE_COLORS.brand)
  return {
    brand,
    background: hexColorOr(settings.background_color, DEFAULT_PAGE_COLORS.background),
    text: hexColorOr(settings.text_color, DEFAULT_PAGE_COLORS.text),
    on_brand: textColorOn(brand),
  }
}
