import { createTheme } from '@mantine/core'

const CJK_SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif'

/** Calm, high-contrast, large targets: the app is used with one hand while people talk. */
export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: `system-ui, -apple-system, "Segoe UI", ${CJK_SANS}`,
  headings: { fontFamily: `system-ui, "Segoe UI", ${CJK_SANS}` },
  fontSizes: { xs: '13px', sm: '15px', md: '16px', lg: '18px', xl: '21px' },
  focusRing: 'always',
  cursorType: 'pointer'
})
