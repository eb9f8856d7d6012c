import { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { parseCrmPluginOptions, pluginOptionsFromModuleOptions } from "./plugin-options"

/**
 * Loader shared by every module of the plugin (each lists it in
 * `Module(..., { loaders })`).
 *
 * Validates the plugin options when the module loads, so that a bad option
 * stops the boot with a message naming it, and registers the parsed options
 * (with defaults) as `crmOptions` in the module's container.
 */
export default async function validateOptionsLoader({
  container,
  options,
}: LoaderOptions) {
  container.register("crmOptions", asValue(parseCrmPluginOptions(pluginOptionsFromModuleOptions(options))))
}
