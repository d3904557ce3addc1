import { useEffect, useState } from 'react'
import { ConsoleShell } from './shell/console-shell'
import { SignInPage } from './sign-in/sign-in-page'
import { type ConsoleSession, currentSession, onSessionChange } from './session'

/** Signed in: the shell; otherwise the code to scan, with why she was signed out if she was. */
export function App() {
  const [session, setSession] = useState<ConsoleSession | null>(currentSession)
  const [reason, setReason] = useState<string | null>(null)
  useEffect(
    () =>
      onSessionChange((s, why) => {
        setSession(s)
        setReason(why)
      }),
    [],
  )
  return session ? <ConsoleShell key={session.customUserId} /> : <SignInPage notice={reason} />
}
