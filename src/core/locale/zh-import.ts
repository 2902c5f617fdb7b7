/** 中文：导入诊断用语。 */
import type { Messages } from './messages.ts';

export const zhImport: Messages = {
};
