// The whole Mantine stylesheet, loaded with every page but the officer's entry form (see web/components/lazy-page.ts).
import '@mantine/core/styles.css';
