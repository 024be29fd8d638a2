import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/language-switch.js';
import { useT } from '../../i18n/i18n-context.js';

/** The frame around the sign-in, forgot and reset forms: centred card, phone-friendly. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <Box component="main" id="main" mih="100vh" bg="gray.0" p="md">
      <Center mih="calc(100vh - 2rem)">
        <Stack w="100%" maw={420} gap="md">
          <Group justify="space-between">
            <Anchor href="/" fw={700} c="blue.8">
              {t('app.name')}
            </Anchor>
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <Title order={1} size="h2" mb="xs">
              {title}
            </Title>
            {children}
          </Paper>
          <Text size="sm" c="gray.7" ta="center">
            {t('app.tagline')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
