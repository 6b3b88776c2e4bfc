import { Alert, Button, Drawer, Text, clx } from "@medusajs/ui"
import type { FormEvent, KeyboardEvent, ReactNode } from "react"
import type { FieldValues, UseFormReturn } from "react-hook-form"
import { Form } from "./form"

export type FormDrawerProps<TValues extends FieldValues> = {
  open: boolean
  onOpenChange: (open: boolean) => void
  // The form's output type differs from its values where the schema transforms.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: UseFormReturn<TValues, any, any>
  /** `form.handleSubmit(...)`: validates, then sends. */
  onSubmit: (event?: FormEvent) => Promise<void>
  title: ReactNode
  /** What the form does, in a sentence or two; the drawer's accessible description. */
  description?: ReactNode
  submitLabel: string
  isPending: boolean
  submitDisabled?: boolean
  /** The server's refusal of the last submit. */
  serverError?: string | null
  serverErrorTestId?: string
  formTestId?: string
  contentTestId?: string
  bodyClassName?: string
  children: ReactNode
}

/**
 * Every Stockroom drawer form: title and description, the server's refusal
 * of the last submit above the fields, and Cancel and the submit button
 * (busy while the request runs) in the footer. Field errors show under
 * their fields (Form.ErrorMessage).
 *
 * Like the dashboard's KeyboundForm, Enter in a field does not send the form
 * (it would while picking an item or typing a number); Cmd/Ctrl+Enter does.
 */
export const FormDrawer = <TValues extends FieldValues>({
  open,
  onOpenChange,
  form,
  onSubmit,
  title,
  description,
  submitLabel,
  isPending,
  submitDisabled,
  serverError,
  serverErrorTestId,
  formTestId,
  contentTestId,
  bodyClassName,
  children,
}: FormDrawerProps<TValues>) => {
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    void onSubmit(event)
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Enter") {
      return
    }
    const modified = event.metaKey || event.ctrlKey
    if (event.target instanceof HTMLTextAreaElement && !modified) {
      return
    }
    if (event.target instanceof HTMLButtonElement && !modified) {
      return
    }
    event.preventDefault()
    if (modified) {
      void onSubmit()
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content
        data-testid={contentTestId}
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <Form {...form}>
          <form
            onSubmit={handleSubmit}
            onKeyDown={handleKeyDown}
            className="flex flex-1 flex-col overflow-hidden"
            noValidate
            data-testid={formTestId}
          >
            <Drawer.Header>
              <Drawer.Title>{title}</Drawer.Title>
            </Drawer.Header>
            <Drawer.Body className={clx("flex flex-1 flex-col gap-y-6 overflow-auto", bodyClassName)}>
              {description && (
                <Drawer.Description asChild>
                  <Text size="small" className="text-ui-fg-subtle">
                    {description}
                  </Text>
                </Drawer.Description>
              )}
              {serverError && (
                <Alert variant="error" dismissible={false} data-testid={serverErrorTestId}>
                  {serverError}
                </Alert>
              )}
              {children}
            </Drawer.Body>
            <Drawer.Footer>
              <Drawer.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </Drawer.Close>
              <Button size="small" type="submit" isLoading={isPending} disabled={submitDisabled}>
                {submitLabel}
              </Button>
            </Drawer.Footer>
          </form>
        </Form>
      </Drawer.Content>
    </Drawer>
  )
}
