/** The templates the browser knows: the built-in ones, bundled with the core. */
import { templateRegistry } from '../../core/templates/registry.ts';

export const templates = templateRegistry();
