// A blank React page: React and ReactDOM's production builds mount one element, a controlled text box, the
// smallest page that does what the remark box does on a keystroke. No JSX, so no plugin is needed.
import { createElement, useState } from 'react'
import { createRoot } from 'react-dom/client'

function Blank() {
  const [text, setText] = useState('')
  return createElement('main', { 'data-ready': '' }, createElement('textarea', { 'aria-label': '发言记录', value: text, onChange: (event) => setText(event.target.value) }))
}

createRoot(globalThis.document.getElementById('root')).render(createElement(Blank))
