/**
 * JSON to place inside `<script type="application/json">`. `<` is written as \u003c so that no
 * value (a title holding `</script>`, say) can close the element early; JSON.parse reads it back
 * unchanged. U+2028 and U+2029 are escaped too, for any reader that evaluates it as script.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
