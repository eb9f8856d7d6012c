export type {
  CrmPluginOptions,
  CrmPluginOptionsInput,
} from "../config/plugin-options"
