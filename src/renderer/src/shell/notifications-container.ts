// Imported only by import() (LaterNotifications.tsx): the container and what only it uses make a chunk of their own.
export { Notifications } from '@mantine/notifications'
