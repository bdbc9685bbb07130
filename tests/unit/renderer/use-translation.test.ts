import { createElement, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import i18n, { loadLanguage } from '../../../src/renderer/src/i18n'
import { LanguageProvider, useTranslation } from '../../../src/renderer/src/i18n/use-translation'
import { DOCUMENTS_NS } from '../../../src/shared/i18n/documents'

// React's own server renderer draws the components in node: no effects run, so what is tested here is what a
// first draw sees (the switch of language while the app runs is the e2e suite's: shell.spec.ts).
type T = ReturnType<typeof useTranslation>['t']
const seen: T[] = []

function Probe({ name }: { name: string }): ReactNode {
  const { t } = useTranslation()
  seen.push(t)
  return `${t('remarks.forLabel')}|${t('remarks.movedOn', { name, current: '李芳' })}`
}

function DocumentsProbe(): ReactNode {
  const { t } = useTranslation(['translation', DOCUMENTS_NS])
  return `${t('documents:names.minutes')}|${t('common.retry')}`
}

const inProvider = (...children: ReactNode[]): string => renderToString(createElement(LanguageProvider, null, ...children))

beforeAll(async () => {
  await loadLanguage('en')
  // Whatever another file in this worker left (the unit suite shares modules between files): Chinese, the default.
  await i18n.changeLanguage('zh-CN')
})

afterEach(async () => {
  seen.length = 0
  await i18n.changeLanguage('zh-CN')
})

describe('useTranslation', () => {
  it('gives the words of the current language, labels and sentences with values alike', () => {
    expect(inProvider(createElement(Probe, { name: '王建国' }))).toBe('这条发言记录属于|这条记录仍记给 王建国，话筒已传给 李芳')
  })

  it('gives one t per language, the same in every component and draw, and values are put in on every call', () => {
    const first = inProvider(createElement(Probe, { name: '王建国' }), createElement(Probe, { name: '赵海云' }))
    expect(first).toContain('仍记给 王建国')
    expect(first).toContain('仍记给 赵海云')
    inProvider(createElement(Probe, { name: '王建国' }))
    expect(new Set(seen).size).toBe(1)
  })

  it('follows the language: a draw after the switch is in the new language, with a t of its own', async () => {
    inProvider(createElement(Probe, { name: '王建国' }))
    await i18n.changeLanguage('en')
    const english = inProvider(createElement(Probe, { name: '王建国' }))
    expect(english).toBe(`${i18n.t('remarks.forLabel', { lng: 'en' })}|${i18n.t('remarks.movedOn', { lng: 'en', name: '王建国', current: '李芳' })}`)
    expect(english).not.toContain('这条')
    expect(new Set(seen).size).toBe(2)
  })

  it('reads the namespaces it is given', () => {
    expect(inProvider(createElement(DocumentsProbe))).toBe(`${i18n.t('documents:names.minutes')}|${i18n.t('common.retry')}`)
    expect(inProvider(createElement(DocumentsProbe))).toContain('会议纪要')
  })

  it('outside a provider follows i18n’s language at each call', async () => {
    await i18n.changeLanguage('en')
    expect(renderToString(createElement(Probe, { name: 'A' }))).not.toContain('这条')
    await i18n.changeLanguage('zh-CN')
    expect(renderToString(createElement(Probe, { name: 'A' }))).toContain('这条发言记录属于')
  })
})
